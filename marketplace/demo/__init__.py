"""Demo and synthetic data: ``load_demo`` for a walk-through, ``generate_synthetic`` for benchmarks."""

from marketplace.demo.loader import DEMO_PASSWORD, DemoSummary, load_demo
from marketplace.demo.synthetic import SyntheticSummary, generate_synthetic

__all__ = ["DEMO_PASSWORD", "DemoSummary", "SyntheticSummary", "generate_synthetic", "load_demo"]
