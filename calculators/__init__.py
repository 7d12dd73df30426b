"""Calculators: a pricing formula, its inputs as widgets, its results and a chart."""
