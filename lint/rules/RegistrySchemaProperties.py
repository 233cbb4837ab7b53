"""Checks the properties of private resource types against the schemas given with --registry-schemas.

cfn-lint 1.x loads a private type's schema with --registry-schemas (so E3006 no longer reports the type),
but its own property rule (E3002 and the keyword rules under it) looks a type up only in the region
tables cfn-lint ships, so it checks no property of a private type. This rule runs that same rule on
each resource whose type is known only from a registry schema, with that schema: unknown properties,
values outside an enum, missing required properties, wrong types and patterns are reported with
cfn-lint's own codes (E3002, E3030, E3003, E3012, E3031 ...) and positions.

Use:  cfn-lint --registry-schemas lint/schemas --append-rules lint/rules -- template.yaml
"""

import cfnlint.rules.resources.properties.Properties as properties_rule
from cfnlint.schema.manager import PROVIDER_SCHEMA_MANAGER

# only the module is imported: cfn-lint instantiates every rule class a rule file names


def _registry_schemas():
    schemas = getattr(PROVIDER_SCHEMA_MANAGER, "_registry_schemas", None)
    if schemas is None:
        raise RuntimeError(
            "RegistrySchemaProperties: this cfn-lint keeps no registry schemas where 1.x does "
            "(ProviderSchemaManager._registry_schemas); the rule is written for cfn-lint 1.x"
        )
    return schemas


class RegistrySchemaProperties(properties_rule.Properties):
    """E3002's checks, for the resource types known only from --registry-schemas"""

    id = "E9002"
    shortdesc = "Properties of a private resource type are invalid"
    description = (
        "Checks the properties of a resource whose type is known only from --registry-schemas "
        "against that schema, with the rules cfn-lint applies to the types it ships"
    )
    source_url = "https://github.com/aws-cloudformation/cfn-lint/blob/main/docs/cfn-schema-specification.md#properties"
    tags = ["resources", "registry"]

    def validate(self, validator, keywords, instance, schema):
        if not validator.is_type(instance, "object"):
            return
        resource_type = instance.get("Type")
        if not validator.is_type(resource_type, "string"):
            return
        registry_schema = _registry_schemas().get(resource_type)
        if registry_schema is None:
            return
        manager_lookup = PROVIDER_SCHEMA_MANAGER.get_resource_schemas_by_regions
        regions = list(validator.context.regions)
        if any(True for _ in manager_lookup(resource_type, regions)):
            return  # a type cfn-lint ships: E3002 checks it already

        def registry_lookup(type_name, in_regions):
            if type_name == resource_type:
                return iter([(list(in_regions), registry_schema)])
            return manager_lookup(type_name, in_regions)

        # E3002's own validation, with the registry schema as the schema of this one type
        PROVIDER_SCHEMA_MANAGER.get_resource_schemas_by_regions = registry_lookup
        try:
            yield from super().validate(validator, keywords, instance, schema)
        finally:
            del PROVIDER_SCHEMA_MANAGER.get_resource_schemas_by_regions
