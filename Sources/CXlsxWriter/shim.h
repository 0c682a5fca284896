// libxlsxwriter (Debian: libxlsxwriter-dev), for `--format xlsx`.
#include <xlsxwriter.h>
