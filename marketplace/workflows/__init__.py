"""The status workflows of roles, applications and service requests, each a table of transitions.

``base`` holds the one shape they share; ``roles``, ``applications`` and ``service_requests`` each
hold one table. The services check a transition against its table and nothing else decides.
"""
