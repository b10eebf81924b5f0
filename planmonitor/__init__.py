"""PlanMonitor (规划监测): monitor a five-year S&T innovation plan quarter by quarter."""

__version__ = "0.1.0"
