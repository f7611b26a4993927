/** Data tables: CSV files, sorting with missing values last, and the shared sortable, downloadable table. */
export * from './csv.js';
export * from './sort.js';
export * from './data-table.js';
