#!/usr/bin/env python3
"""One response's life through Cloud Control API with boto3, step for step as lifecycle-cli.sh.

Against `bin/cfn-local serve`, first run the `export` lines it prints (boto3 reads the
AWS_ENDPOINT_URL_CLOUDCONTROL variable itself); against an account, export the two parents' ids:
IntegrationResponseTestApiId, IntegrationResponseTestIntegrationId.
Prints one `name: value` line per step on stdout; a refusal is printed as `<ErrorCode>: <message>`.
"""
import json
import os
import sys

import boto3
from botocore.exceptions import ClientError

TYPE_NAME = os.environ.get("TYPE_NAME", "Community::ApiGatewayV2::IntegrationResponse")


def main():
    api = os.environ["IntegrationResponseTestApiId"]
    integration = os.environ["IntegrationResponseTestIntegrationId"]
    parents = {"ApiId": api, "IntegrationId": integration}
    cloudcontrol = boto3.client("cloudcontrol")

    def wait(event):
        token = event["ProgressEvent"]["RequestToken"]
        cloudcontrol.get_waiter("resource_request_success").wait(RequestToken=token)
        return cloudcontrol.get_resource_request_status(RequestToken=token)["ProgressEvent"]

    def refused(call, **kwargs):
        try:
            call(**kwargs)
        except ClientError as error:
            return "%s: %s" % (error.response["Error"]["Code"], error.response["Error"]["Message"])
        raise SystemExit("expected a refusal from %s" % call.__name__)

    def properties(identifier):
        return cloudcontrol.get_resource(TypeName=TYPE_NAME, Identifier=identifier)[
            "ResourceDescription"]["Properties"]

    print("step: create", file=sys.stderr)
    desired = dict(parents, IntegrationResponseKey="/200/",
                   ResponseTemplates={"application/json": "{}", "text/plain": "ok"})
    done = wait(cloudcontrol.create_resource(TypeName=TYPE_NAME, DesiredState=json.dumps(desired)))
    print("create_status: %s" % done["OperationStatus"])
    identifier = done["Identifier"]
    print("identifier: %s" % identifier)
    print("created: %s" % properties(identifier))

    print("step: update", file=sys.stderr)
    patch = [{"op": "replace", "path": "/IntegrationResponseKey", "value": "/4\\d{2}/"},
             {"op": "remove", "path": "/ResponseTemplates/application~1json"}]
    done = wait(cloudcontrol.update_resource(TypeName=TYPE_NAME, Identifier=identifier,
                                             PatchDocument=json.dumps(patch)))
    print("update_status: %s" % done["OperationStatus"])
    print("updated: %s" % properties(identifier))
    print("create_only_patch: %s" % refused(
        cloudcontrol.update_resource, TypeName=TYPE_NAME, Identifier=identifier,
        PatchDocument=json.dumps([{"op": "replace", "path": "/ApiId", "value": "other"}])))

    print("step: list", file=sys.stderr)
    listed = cloudcontrol.list_resources(TypeName=TYPE_NAME, ResourceModel=json.dumps(parents))
    print("listed: %s" % "\t".join(d["Identifier"] for d in listed["ResourceDescriptions"]))
    print("list_without_parents: %s" % refused(cloudcontrol.list_resources, TypeName=TYPE_NAME))

    print("step: delete", file=sys.stderr)
    done = wait(cloudcontrol.delete_resource(TypeName=TYPE_NAME, Identifier=identifier))
    print("delete_status: %s" % done["OperationStatus"])
    print("read_after_delete: %s" % refused(
        cloudcontrol.get_resource, TypeName=TYPE_NAME, Identifier=identifier))


if __name__ == "__main__":
    main()
