// libxlsxwriter (Debian: libxlsxwriter-dev to build, libxlsxwriter4 to run), loaded on the
// first workbook rather than at every start: a process that writes no xlsx (the TUI, every
// short command) does not load it, nor libminizip and libcrypto behind it, whose symbols the
// dynamic loader would otherwise bind at each start (about 1.2 ms; BENCHMARKS.md).
//
// The functions keep libxlsxwriter's signatures under an `fd_xlsx_` prefix (the library's
// own names are left to it). Each one loads the library first; when it cannot be loaded, the
// constructors return NULL, the others an error or nothing, and fd_xlsx_load_error() says why.
#ifndef FD_CXLSXWRITER_H
#define FD_CXLSXWRITER_H

#include <xlsxwriter.h>

/// Loads libxlsxwriter.so.4 once (thread-safe): 0 when its functions are ready, -1 when not.
int fd_xlsx_load(void);
/// Why the library could not be loaded (the dynamic loader's text), or NULL.
const char *fd_xlsx_load_error(void);

lxw_workbook *fd_xlsx_workbook_new_opt(const char *filename, lxw_workbook_options *options);
lxw_worksheet *fd_xlsx_workbook_add_worksheet(lxw_workbook *workbook, const char *sheetname);
lxw_format *fd_xlsx_workbook_add_format(lxw_workbook *workbook);
lxw_error fd_xlsx_workbook_close(lxw_workbook *workbook);
void fd_xlsx_format_set_bold(lxw_format *format);
void fd_xlsx_format_set_num_format(lxw_format *format, const char *num_format);
lxw_error fd_xlsx_worksheet_write_string(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, const char *string,
                                         lxw_format *format);
lxw_error fd_xlsx_worksheet_write_number(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, double number,
                                         lxw_format *format);
lxw_error fd_xlsx_worksheet_write_datetime(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, lxw_datetime *datetime,
                                           lxw_format *format);
lxw_error fd_xlsx_worksheet_set_column(lxw_worksheet *worksheet, lxw_col_t first_col, lxw_col_t last_col, double width,
                                       lxw_format *format);
void fd_xlsx_worksheet_freeze_panes(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col);
lxw_error fd_xlsx_worksheet_autofilter(lxw_worksheet *worksheet, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row,
                                       lxw_col_t last_col);
/// lxw_strerror's text, or a fixed text when the library is not loaded.
const char *fd_xlsx_strerror(lxw_error error);

#endif
