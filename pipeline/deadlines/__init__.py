"""Deadlines the griffie must not miss: zienswijze requests and letters handed to the college ter afdoening."""
