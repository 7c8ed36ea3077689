"""Benchmarks: each row measures Hushnote against a baseline in the same run."""
