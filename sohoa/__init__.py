"""sohoa: scans in an S3 bucket become searchable, structured records in Elasticsearch."""

__version__ = "0.1.0"
