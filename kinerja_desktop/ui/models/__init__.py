"""Qt models over the services (one per entity) and their proxies."""
