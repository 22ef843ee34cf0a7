/* detect.c: the detector table, built from core/detectors/list.def. */
#include "detect.h"

#define BD_DETECTOR(name) extern const struct bd_detector bd_det_##name;
#include "detectors/list.def"
#undef BD_DETECTOR

const struct bd_detector *const bd_detectors[] = {
#define BD_DETECTOR(name) &bd_det_##name,
#include "detectors/list.def"
#undef BD_DETECTOR
};

const size_t bd_ndetectors = sizeof(bd_detectors) / sizeof(bd_detectors[0]);
