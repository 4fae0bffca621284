"""CRM activity exports (HubSpot, Salesforce, Pipedrive, Zoho, or a mapping from config) as touches.

``table`` streams rows out of CSV or JSON, ``values`` reads the CRMs' dates, durations and
flags, ``layouts`` says which columns hold what in each CRM and what an activity is (a call
that reached the customer, a voicemail, a failed attempt, an open task, a note), and
``reader`` turns rows into touches, one conversation per contact, streamed contact by contact.
"""
