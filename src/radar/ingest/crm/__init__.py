"""CRM export importer: Salesforce report CSVs and HubSpot exports."""

from radar.ingest import registry
from radar.ingest.crm.importer import CrmImporter

registry.register(CrmImporter())

__all__ = ["CrmImporter"]
