"""Pure money math for the course: token bills, GPU costs and the named formulas."""
