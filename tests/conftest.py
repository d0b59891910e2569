import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))  # the work tree's code wins over any installed copy
sys.path.insert(0, str(Path(__file__).parent))

# Hypothesis profiles: the default keeps `make test` light; `make fuzz` runs many more examples
# (`pytest -m fuzz --hypothesis-profile=fuzz`).
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("fuzz", max_examples=5000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
