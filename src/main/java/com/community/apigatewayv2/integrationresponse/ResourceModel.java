package com.community.apigatewayv2.integrationresponse;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import lombok.AllArgsConstructor;
import lombok.Builder;
import lombok.Data;
import lombok.NoArgsConstructor;
import org.json.JSONObject;

/** The resource's properties, shaped as {@code cfn generate} would write them from resource-schema.json. */
@Data
@Builder(toBuilder = true)
@AllArgsConstructor
@NoArgsConstructor
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class ResourceModel {
    /** The name this build gave the type (the build property type.name), as the bundled schema states it. */
    @JsonIgnore
    public static final String TYPE_NAME = Configuration.resourceSchema().getString("typeName");

    @JsonIgnore
    public static final String IDENTIFIER_KEY_APIID = "/properties/ApiId";
    @JsonIgnore
    public static final String IDENTIFIER_KEY_INTEGRATIONID = "/properties/IntegrationId";
    @JsonIgnore
    public static final String IDENTIFIER_KEY_INTEGRATIONRESPONSEID = "/properties/IntegrationResponseId";

    @JsonProperty("ApiId")
    private String apiId;

    @JsonProperty("IntegrationId")
    private String integrationId;

    @JsonProperty("IntegrationResponseId")
    private String integrationResponseId;

    @JsonProperty("IntegrationResponseKey")
    private String integrationResponseKey;

    @JsonProperty("ContentHandlingStrategy")
    private String contentHandlingStrategy;

    @JsonProperty("ResponseParameters")
    private Map<String, String> responseParameters;

    @JsonProperty("ResponseTemplates")
    private Map<String, String> responseTemplates;

    @JsonProperty("TemplateSelectionExpression")
    private String templateSelectionExpression;

    /** The primary identifier, or null unless all three of its parts are set. */
    @JsonIgnore
    public JSONObject getPrimaryIdentifier() {
        if (apiId == null || integrationId == null || integrationResponseId == null) {
            return null;
        }
        final JSONObject identifier = new JSONObject();
        identifier.put(IDENTIFIER_KEY_APIID, apiId);
        identifier.put(IDENTIFIER_KEY_INTEGRATIONID, integrationId);
        identifier.put(IDENTIFIER_KEY_INTEGRATIONRESPONSEID, integrationResponseId);
        return identifier;
    }

    /** The identifier as Cloud Control and Terraform's awscc provider write it: {@code ApiId|IntegrationId|IntegrationResponseId}. */
    @JsonIgnore
    public String getCloudControlIdentifier() {
        return String.join("|", String.valueOf(apiId), String.valueOf(integrationId), String.valueOf(integrationResponseId));
    }
}
