"""Pure logic over the course facts: acid chemistry, depth of exfoliation, suitability.

No I/O and no display: figures and widgets call these functions, and tests check them alone.
"""
