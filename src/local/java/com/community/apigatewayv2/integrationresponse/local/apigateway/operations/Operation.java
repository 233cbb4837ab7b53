package com.community.apigatewayv2.integrationresponse.local.apigateway.operations;

/** The API Gateway V2 operations the emulator serves, with the service's operation names. */
public enum Operation {
    CREATE_API("CreateApi"),
    GET_API("GetApi"),
    GET_APIS("GetApis"),
    DELETE_API("DeleteApi"),
    CREATE_INTEGRATION("CreateIntegration"),
    GET_INTEGRATION("GetIntegration"),
    GET_INTEGRATIONS("GetIntegrations"),
    DELETE_INTEGRATION("DeleteIntegration"),
    CREATE_INTEGRATION_RESPONSE("CreateIntegrationResponse"),
    GET_INTEGRATION_RESPONSE("GetIntegrationResponse"),
    GET_INTEGRATION_RESPONSES("GetIntegrationResponses"),
    UPDATE_INTEGRATION_RESPONSE("UpdateIntegrationResponse"),
    DELETE_INTEGRATION_RESPONSE("DeleteIntegrationResponse");

    private final String serviceName;

    Operation(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }
}
