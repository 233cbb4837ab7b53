/**
 * The local stack the handler and its tests run against, compiled with the tests so it never
 * reaches the handler jar.
 *
 * <ul>
 *   <li>{@link com.community.apigatewayv2.integrationresponse.local.LocalApiGatewayV2}: an
 *       in-process API Gateway V2 control plane (APIs, integrations, integration responses) for
 *       the real SDK client, with request counters, a canonical state snapshot and a
 *       {@link com.community.apigatewayv2.integrationresponse.local.FaultPlan} seam.</li>
 *   <li>{@link com.community.apigatewayv2.integrationresponse.local.LocalLambdaEndpoint}: the
 *       Lambda Invoke API that {@code cfn test} calls, serving handlers by function name.</li>
 * </ul>
 *
 * <p>Both listen on 127.0.0.1 only and never log request bodies or credentials.
 */
package com.community.apigatewayv2.integrationresponse.local;
