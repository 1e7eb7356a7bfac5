#ifndef MARKBENCH_CSTEMMER_SHIM_H
#define MARKBENCH_CSTEMMER_SHIM_H
#include <libstemmer.h>
#endif
