/**
 * The local stack the handler and its tests run against, compiled with the tests so it never
 * reaches the handler jar. One subpackage per capability; each depends only on those listed
 * before it, never the other way:
 *
 * <ul>
 *   <li>{@code net}: the loopback HTTP server every local endpoint runs on, and the account and
 *       region they answer as.</li>
 *   <li>{@code apigateway}: {@link com.community.apigatewayv2.integrationresponse.local.apigateway.LocalApiGatewayV2},
 *       an in-process API Gateway V2 control plane (APIs, integrations, integration responses) for
 *       the real SDK client, with request counters, a canonical state snapshot and a
 *       {@link com.community.apigatewayv2.integrationresponse.local.apigateway.FaultPlan} seam
 *       (uses {@code net}); in moto's layers below it, each using only those after it:
 *       {@code apigateway.routes} (routes, the HTTP handler, request bodies), {@code .operations},
 *       {@code .store} (the store and its typed records) and {@code .errors}.</li>
 *   <li>{@code faults}: the fault plan a written fault spec describes (uses {@code apigateway}).</li>
 *   <li>{@code lambda}: {@link com.community.apigatewayv2.integrationresponse.local.lambda.LocalLambdaEndpoint},
 *       the Lambda Invoke API that {@code cfn test} calls, serving handlers by function name, and
 *       a client for it (uses {@code net}).</li>
 *   <li>{@code stack}: the handler deployed behind the Lambda endpoint with the API Gateway V2 it
 *       calls, and the requests and contract checks CloudFormation would put it through (uses
 *       {@code net}, {@code apigateway}, {@code lambda}).</li>
 *   <li>{@code chaos}: the reliability checks and the bad inputs they send (uses {@code stack},
 *       {@code faults}, {@code apigateway}).</li>
 *   <li>{@code bench}: the performance figures of {@code bin/bench}, and the drivers that run the
 *       handler jar in a fresh JVM (uses {@code apigateway}).</li>
 *   <li>{@code cli}: {@code bin/cfn-local} (uses all but {@code bench}).</li>
 * </ul>
 *
 * <p>The endpoints listen on 127.0.0.1 only and never log request bodies or credentials.
 */
package com.community.apigatewayv2.integrationresponse.local;
