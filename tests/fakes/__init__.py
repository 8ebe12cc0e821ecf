"""Local stand-ins for network services, so tests never touch the internet."""
