"""What a person reads: findings as text, JSON, annotations or SARIF; packs, views and figures."""
