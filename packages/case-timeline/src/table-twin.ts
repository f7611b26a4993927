/**
 * The data-table twin's life: not built in the first render (it would delay the first paint), but
 * after it in idle time, at once when the reader opens the table or the keyboard reaches it, and
 * right after the first paint when it is open from the start (`show-table`). While it is closed it
 * is not rendered again (live updates skip it); opening it brings it up to date. Sorting and the CSV
 * download are core's DataTableController.
 */
import { DataTableController, whenIdle, type DataTableModel } from '@safety-widgets/core';
import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { guard } from 'lit/directives/guard.js';

export class TableTwinController implements ReactiveController {
  /** The table's sort and CSV download (core). */
  readonly table: DataTableController<number>;
  /** Whether the table is built (rendered from now on). */
  private built = false;
  private cancelBuild: (() => void) | undefined;
  /** What the table was last rendered from: kept while it is closed, so live updates skip it. */
  private deps: unknown[] | undefined;

  constructor(private readonly host: ReactiveControllerHost & { renderRoot: ParentNode }) {
    this.table = new DataTableController<number>(host);
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** Builds the table now (the reader reached it before the page was idle), with a new render. */
  build(): void {
    this.cancel();
    if (this.built) return;
    this.built = true;
    this.host.requestUpdate();
  }

  /**
   * The table was opened from script while an update is under way after the first render with data
   * (`rendered`): it is built in this render.
   */
  opened(rendered: boolean): void {
    if (this.built || !rendered) return;
    this.cancel();
    this.built = true;
  }

  /**
   * After a render with data (`rendered`): the table is built right after the paint when it is open,
   * else when the page is idle.
   */
  schedule(rendered: boolean, open: boolean): void {
    if (this.built || this.cancelBuild || !rendered) return;
    const build = () => {
      this.cancelBuild = undefined;
      this.build();
    };
    if (open) {
      // Open: the reader asked for it; only the first paint goes first.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const frame = requestAnimationFrame(() => (timer = setTimeout(build, 0)));
      this.cancelBuild = () => {
        cancelAnimationFrame(frame);
        clearTimeout(timer);
      };
    } else {
      this.cancelBuild = whenIdle(build);
    }
  }

  /**
   * The table (nothing until it is built), rendered again only when `deps` changed while it is open
   * (or the first time); `deps` lists what `model` is built from, the sort is added here.
   */
  render(deps: unknown[], open: boolean, model: () => DataTableModel<number>): unknown {
    if (!this.built) return nothing;
    if (open || !this.deps) this.deps = [...deps, this.table.sort];
    return guard(this.deps, () => this.table.render(model()));
  }

  private cancel(): void {
    this.cancelBuild?.();
    this.cancelBuild = undefined;
  }
}
