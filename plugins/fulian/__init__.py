"""fulian: figures from Chinese women's-federation (妇联) work reports, as a queryable warehouse."""

__version__ = "0.1.0"
