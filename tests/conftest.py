import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))  # the work tree's code wins over any installed copy
sys.path.insert(0, str(Path(__file__).parent))

# Hypothesis profiles for the fuzz tests (marker `fuzz`): "fuzz" is the bounded run of `make test`,
# "long" the scheduled one (HYPOTHESIS_PROFILE=long, also loaded as the default for every test then).
import os  # noqa: E402
from datetime import timedelta  # noqa: E402

from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("fuzz", max_examples=60, deadline=timedelta(seconds=5),
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
if os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])
