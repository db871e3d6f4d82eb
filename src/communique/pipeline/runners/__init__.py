"""Runners: interchangeable ways to push documents through a Pipeline."""
