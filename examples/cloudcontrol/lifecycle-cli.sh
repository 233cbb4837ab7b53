#!/usr/bin/env bash
# One response's life through Cloud Control API with the AWS CLI: create, read, patch (a new key, one
# map key removed), a refused create-only patch, list, delete. Against `bin/cfn-local serve`, first run
# the `export` lines it prints; against an account, export the two parents' ids yourself:
#   IntegrationResponseTestApiId, IntegrationResponseTestIntegrationId
# Prints one `name: value` line per step on stdout; a refusal is printed as `<ErrorCode>: <message>`.
set -euo pipefail

type_name=${TYPE_NAME:-Community::ApiGatewayV2::IntegrationResponse}
api=${IntegrationResponseTestApiId:?export IntegrationResponseTestApiId (serve prints it)}
integration=${IntegrationResponseTestIntegrationId:?export IntegrationResponseTestIntegrationId (serve prints it)}
parents="\"ApiId\":\"$api\",\"IntegrationId\":\"$integration\""

# the error of a command that must fail, as `Code: message`; a command that succeeds is a failure here
refused() {
    local err
    if err=$("$@" 2>&1 >/dev/null); then
        echo "expected a refusal from: $*" >&2
        return 1
    fi
    printf '%s\n' "$err" | sed -n 's/^An error occurred (\([A-Za-z]*\)) when calling the [A-Za-z]* operation: /\1: /p'
}

# waits for a request, then prints its final status
await() {
    aws cloudcontrol wait resource-request-success --request-token "$1"
    aws cloudcontrol get-resource-request-status --request-token "$1" \
        --query ProgressEvent.OperationStatus --output text
}

echo "step: create" >&2
token=$(aws cloudcontrol create-resource --type-name "$type_name" \
    --desired-state "{$parents,\"IntegrationResponseKey\":\"/200/\",\"ResponseTemplates\":{\"application/json\":\"{}\",\"text/plain\":\"ok\"}}" \
    --query ProgressEvent.RequestToken --output text)
echo "create_status: $(await "$token")"
identifier=$(aws cloudcontrol get-resource-request-status --request-token "$token" \
    --query ProgressEvent.Identifier --output text)
echo "identifier: $identifier"
echo "created: $(aws cloudcontrol get-resource --type-name "$type_name" --identifier "$identifier" \
    --query ResourceDescription.Properties --output text)"

echo "step: update" >&2
token=$(aws cloudcontrol update-resource --type-name "$type_name" --identifier "$identifier" \
    --patch-document '[{"op":"replace","path":"/IntegrationResponseKey","value":"/4\\d{2}/"},{"op":"remove","path":"/ResponseTemplates/application~1json"}]' \
    --query ProgressEvent.RequestToken --output text)
echo "update_status: $(await "$token")"
echo "updated: $(aws cloudcontrol get-resource --type-name "$type_name" --identifier "$identifier" \
    --query ResourceDescription.Properties --output text)"
echo "create_only_patch: $(refused aws cloudcontrol update-resource --type-name "$type_name" \
    --identifier "$identifier" --patch-document '[{"op":"replace","path":"/ApiId","value":"other"}]')"

echo "step: list" >&2
echo "listed: $(aws cloudcontrol list-resources --type-name "$type_name" --resource-model "{$parents}" \
    --query 'ResourceDescriptions[].Identifier' --output text)"
echo "list_without_parents: $(refused aws cloudcontrol list-resources --type-name "$type_name")"

echo "step: delete" >&2
token=$(aws cloudcontrol delete-resource --type-name "$type_name" --identifier "$identifier" \
    --query ProgressEvent.RequestToken --output text)
echo "delete_status: $(await "$token")"
echo "read_after_delete: $(refused aws cloudcontrol get-resource --type-name "$type_name" --identifier "$identifier")"
