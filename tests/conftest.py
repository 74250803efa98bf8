"""Shared test setup: a non-interactive matplotlib backend and Hypothesis's profiles.

Profiles (``HYPOTHESIS_PROFILE=<name>`` chooses; otherwise ``ci`` under ``CI=true``,
``dev`` elsewhere):

* ``ci``: 60 examples a property, derandomized (the same examples every run), no
  example database: a few seconds in all;
* ``dev``: 600 examples a property, random, with the local example database
  (``.hypothesis/``), for a longer search on a workstation.
"""

import os

import matplotlib
from hypothesis import HealthCheck, settings

matplotlib.use("Agg")

_SLOW_DATA = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile(
    "ci", max_examples=60, derandomize=True, database=None, deadline=None, suppress_health_check=_SLOW_DATA
)
settings.register_profile("dev", max_examples=600, deadline=None, suppress_health_check=_SLOW_DATA)
_UNDER_CI = os.environ.get("CI") == "true"
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if _UNDER_CI else "dev"))
