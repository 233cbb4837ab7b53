package com.community.apigatewayv2.integrationresponse.model;

import lombok.EqualsAndHashCode;
import lombok.ToString;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/** Carries the call chain's memory between re-invocations; every handler here finishes in one invocation. */
@ToString
@EqualsAndHashCode(callSuper = true)
public class CallbackContext extends StdCallbackContext {}
