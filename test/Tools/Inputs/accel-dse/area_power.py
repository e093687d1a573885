"""The Area, Power and per-part power columns against MAESTRO's own CSVs.

Runs test/Analysis/CostModel/fidelity.py's reference check (every layer of
../shared/reference/maestro-reference.csv and reference/small/, imported and
costed) on these columns instead of the cost figures, and asks for the
printed values to be equal: MAESTRO and the report both print 6 significant
digits.

Usage: area_power.py SOURCE_ROOT ACCEL_TRANSLATE ACCEL_OPT SHARED_DIR WORKDIR
"""
import os
import sys

sys.path.insert(0, os.path.join(sys.argv[1], "test", "Analysis", "CostModel"))
import fidelity  # noqa: E402

fidelity.METRICS = ["Area", "Power", "PE power", "L1 power", "L2 power",
                    "NOC power"]
fidelity.TOLERANCE = 0.0
sys.exit(fidelity.check_reference(*sys.argv[2:6]))
