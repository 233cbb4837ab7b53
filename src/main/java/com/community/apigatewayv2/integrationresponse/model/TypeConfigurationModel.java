package com.community.apigatewayv2.integrationresponse.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import lombok.Data;
import lombok.NoArgsConstructor;

/** The type has no type configuration; this is the empty shape the runtime deserializes into. */
@Data
@NoArgsConstructor
@JsonIgnoreProperties(ignoreUnknown = true)
public class TypeConfigurationModel {}
