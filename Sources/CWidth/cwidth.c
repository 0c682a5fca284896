#define _XOPEN_SOURCE 700
#include "cwidth.h"
#include <wchar.h>
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include <strings.h>

int fd_wcwidth(int32_t scalar) { return wcwidth((wchar_t)scalar); }

int fd_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL) return 0;
    return strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0;
}

int fd_setlocale_from_environment(void) {
    setlocale(LC_ALL, "");
    return fd_locale_is_utf8();
}

int fd_setlocale_c_utf8(void) {
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) return 0;
    return fd_locale_is_utf8();
}
