"""The Scrapy side of newsarchive: sources, discovery, classification and extraction."""
