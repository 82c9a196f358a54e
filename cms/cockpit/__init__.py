"""The caseload cockpit in the admin: home panels, the cockpit page with its exports, and their figures."""
