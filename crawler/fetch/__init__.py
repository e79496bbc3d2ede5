"""Discover and fetch: hubs, the spider, how requests are made and what comes back."""
