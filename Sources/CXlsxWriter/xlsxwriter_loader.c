// See include/CXlsxWriter.h: libxlsxwriter's functions, resolved on first use.
#include "CXlsxWriter.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

// The Debian run-time package's soname (libxlsxwriter4), the one the package depends on.
#define FD_XLSX_SONAME "libxlsxwriter.so.4"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const char *load_error = NULL;

#define FD_XLSX_FUNCTIONS(X)                                                                                            \
    X(workbook_new_opt) X(workbook_add_worksheet) X(workbook_add_format) X(workbook_close) X(format_set_bold)            \
    X(format_set_num_format) X(worksheet_write_string) X(worksheet_write_number) X(worksheet_write_datetime)            \
    X(worksheet_set_column) X(worksheet_freeze_panes) X(worksheet_autofilter) X(lxw_strerror)

// One pointer per function, typed from the library's own declaration.
#define FD_XLSX_POINTER(name) static __typeof__(name) *p_##name = NULL;
FD_XLSX_FUNCTIONS(FD_XLSX_POINTER)

static void load(void) {
    // RTLD_LOCAL: its symbols stay its own (the executable exports many of ours).
    void *library = dlopen(FD_XLSX_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        load_error = dlerror();
        if (load_error == NULL) load_error = FD_XLSX_SONAME " cannot be loaded";
        return;
    }
#define FD_XLSX_RESOLVE(name)                                                                                           \
    p_##name = (__typeof__(name) *)dlsym(library, #name);                                                               \
    if (p_##name == NULL) {                                                                                             \
        load_error = FD_XLSX_SONAME " has no " #name;                                                                   \
        return;                                                                                                         \
    }
    FD_XLSX_FUNCTIONS(FD_XLSX_RESOLVE)
}

int fd_xlsx_load(void) {
    pthread_once(&once, load);
    return load_error == NULL ? 0 : -1;
}

const char *fd_xlsx_load_error(void) {
    pthread_once(&once, load);
    return load_error;
}

lxw_workbook *fd_xlsx_workbook_new_opt(const char *filename, lxw_workbook_options *options) {
    return fd_xlsx_load() == 0 ? p_workbook_new_opt(filename, options) : NULL;
}

lxw_worksheet *fd_xlsx_workbook_add_worksheet(lxw_workbook *workbook, const char *sheetname) {
    return fd_xlsx_load() == 0 ? p_workbook_add_worksheet(workbook, sheetname) : NULL;
}

lxw_format *fd_xlsx_workbook_add_format(lxw_workbook *workbook) {
    return fd_xlsx_load() == 0 ? p_workbook_add_format(workbook) : NULL;
}

lxw_error fd_xlsx_workbook_close(lxw_workbook *workbook) {
    return fd_xlsx_load() == 0 ? p_workbook_close(workbook) : LXW_ERROR_CREATING_XLSX_FILE;
}

void fd_xlsx_format_set_bold(lxw_format *format) {
    if (fd_xlsx_load() == 0) p_format_set_bold(format);
}

void fd_xlsx_format_set_num_format(lxw_format *format, const char *num_format) {
    if (fd_xlsx_load() == 0) p_format_set_num_format(format, num_format);
}

lxw_error fd_xlsx_worksheet_write_string(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, const char *string,
                                         lxw_format *format) {
    return fd_xlsx_load() == 0 ? p_worksheet_write_string(worksheet, row, col, string, format) : LXW_ERROR_CREATING_XLSX_FILE;
}

lxw_error fd_xlsx_worksheet_write_number(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, double number,
                                         lxw_format *format) {
    return fd_xlsx_load() == 0 ? p_worksheet_write_number(worksheet, row, col, number, format) : LXW_ERROR_CREATING_XLSX_FILE;
}

lxw_error fd_xlsx_worksheet_write_datetime(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, lxw_datetime *datetime,
                                           lxw_format *format) {
    return fd_xlsx_load() == 0 ? p_worksheet_write_datetime(worksheet, row, col, datetime, format) : LXW_ERROR_CREATING_XLSX_FILE;
}

lxw_error fd_xlsx_worksheet_set_column(lxw_worksheet *worksheet, lxw_col_t first_col, lxw_col_t last_col, double width,
                                       lxw_format *format) {
    return fd_xlsx_load() == 0 ? p_worksheet_set_column(worksheet, first_col, last_col, width, format) : LXW_ERROR_CREATING_XLSX_FILE;
}

void fd_xlsx_worksheet_freeze_panes(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col) {
    if (fd_xlsx_load() == 0) p_worksheet_freeze_panes(worksheet, row, col);
}

lxw_error fd_xlsx_worksheet_autofilter(lxw_worksheet *worksheet, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row,
                                       lxw_col_t last_col) {
    return fd_xlsx_load() == 0 ? p_worksheet_autofilter(worksheet, first_row, first_col, last_row, last_col)
                               : LXW_ERROR_CREATING_XLSX_FILE;
}

const char *fd_xlsx_strerror(lxw_error error) {
    return fd_xlsx_load() == 0 ? p_lxw_strerror(error) : "libxlsxwriter is not loaded";
}
