/** Core's shared UI strings in Chinese (loaded when a page or a widget shows Chinese). */
import type { Message } from '../message-format.js';
import type en from './en.js';

const zh: { readonly [K in keyof typeof en]: Message } = {
  loading: '正在加载安全数据…',
  errorTitle: '无法加载安全数据',
  'error.network': '无法获取数据。请检查网络连接后重试。',
  'error.http': '数据服务器返回了错误（HTTP {status}）。',
  'error.httpUnknown': '数据服务器返回了错误。',
  'error.parse': '无法读取数据：不是有效的 JSON。',
  'error.invalid': '数据不符合安全数据格式。',
  'error.too-large': '数据文件太大，无法加载。',
  'error.timeout': '数据服务器响应超时。',
  'error.not-found': '找不到数据文件。',
  'error.config': '此组件的配置不正确。',
  'error.unknown': '加载数据时出错。',
  retry: '重试',
  empty: '暂无可显示的数据。',
  stale: '数据已有{age}未更新',
  staleRefreshFailed: '数据已有{age}未更新：刷新失败',
  offline: '离线',
  offlineDetail: '显示的是最近一次收到的数据。',
  'dropped.indicators': '{n} 项指标因数据源存在问题而无法显示。',
  'dropped.grids': '{n} 个网格因数据源存在问题而无法显示。',
  'dropped.events': '{n} 个案件因数据源存在问题而无法显示。',
  'dropped.items': '{n} 项数据因数据源存在问题而无法显示。',
  droppedDetails: '查看问题',
  droppedMore: '……另有 {n} 个问题。',
  synthetic: '示例数据（部分为模拟）',
  noData: '无数据',
  updated: '更新于{time}',
  source: '来源：{name}',
  'table.download': '下载 CSV',
  'about.title': '关于此图',
  'about.what': '显示内容',
  'about.how': '计算方法',
  'about.data': '数据来源与时效',
  'about.keys': '键盘操作',
  'about.asOf': '数据截至{time}。',
  'about.every': '约每 {n} 分钟更新一次。',
};

export default zh;
