"""robots.txt as the crawl reads it: Scrapy's Protego parser, with delays written as German-language
sites write numbers."""

import re

from scrapy.robotstxt import ProtegoRobotParser

# "Crawl-delay: 2,5": a decimal comma, as sites in German (and most of Europe) write numbers.
# Protego reads only a decimal point and drops such a line, so the host's delay was ignored.
DECIMAL_COMMA_DELAY = re.compile(rb"(?im)^([ \t]*crawl-delay[ \t]*:[ \t]*\d+),(\d+)")


class RobotParser(ProtegoRobotParser):
    """Scrapy's ``ProtegoRobotParser`` (``ROBOTSTXT_PARSER``) that reads a ``Crawl-delay`` with a
    decimal comma as the number it means."""

    def __init__(self, robotstxt_body: bytes, spider):
        super().__init__(DECIMAL_COMMA_DELAY.sub(rb"\1.\2", robotstxt_body), spider)
