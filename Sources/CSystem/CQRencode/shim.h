/* libqrencode, for the QR codes of plaques. */
#include <qrencode.h>
