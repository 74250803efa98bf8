"""Shared test setup: a non-interactive matplotlib backend."""

import matplotlib

matplotlib.use("Agg")
