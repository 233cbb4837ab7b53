# Integration responses of this type from Terraform, through Cloud Control API: the parents from the
# hashicorp/aws provider's own resources, the responses through aws_cloudcontrolapi_resource.
#
# Against an account where the type is registered: terraform init && terraform apply.
# Against `bin/cfn-local serve`: pass its three endpoints (README, "Terraform"):
#   terraform apply -var local_endpoints='{apigatewayv2="http://...",cloudcontrol="http://...",cloudformation="http://..."}'

terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0, < 7.0"
    }
  }
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "type_name" {
  description = "The name the type is registered under"
  type        = string
  default     = "Community::ApiGatewayV2::IntegrationResponse"
}

variable "local_endpoints" {
  description = "bin/cfn-local serve's endpoints; null (the default) for the account's"
  type = object({
    apigatewayv2   = string
    cloudcontrol   = string
    cloudformation = string
  })
  default = null
}

variable "response_key" {
  description = "The first response's IntegrationResponseKey"
  type        = string
  default     = "$default"
}

variable "response_parameters" {
  description = "The first response's ResponseParameters"
  type        = map(string)
  default = {
    "method.response.header.x-request-id" = "integration.response.header.x-request-id"
  }
}

variable "response_templates" {
  description = "The first response's ResponseTemplates (README, \"Terraform\": a key added to a map holding keys with / fails)"
  type        = map(string)
  default = {
    "application/json" = "{\"ok\": true}"
  }
}

variable "empty_response_parameters" {
  description = "The second response's ResponseParameters, given empty (README, \"Terraform\": adding a key later fails)"
  type        = map(string)
  default     = {}
}

locals {
  local = var.local_endpoints != null
}

provider "aws" {
  region = var.region

  # the local stack takes any credentials and has no account or instance metadata to ask
  access_key                  = local.local ? "local" : null
  secret_key                  = local.local ? "local" : null
  skip_credentials_validation = local.local
  skip_requesting_account_id  = local.local
  skip_metadata_api_check     = local.local
  skip_region_validation      = local.local

  endpoints {
    apigatewayv2   = local.local ? var.local_endpoints.apigatewayv2 : null
    cloudcontrol   = local.local ? var.local_endpoints.cloudcontrol : null
    cloudformation = local.local ? var.local_endpoints.cloudformation : null
  }
}

resource "aws_apigatewayv2_api" "chat" {
  name                       = "integration-responses-from-terraform"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_integration" "mock" {
  api_id                        = aws_apigatewayv2_api.chat.id
  integration_type              = "MOCK"
  template_selection_expression = "\\$default"
  request_templates = {
    "$default" = "{\"statusCode\": 200}"
  }
}

# a response with a key, templates and parameters
resource "aws_cloudcontrolapi_resource" "default" {
  type_name = var.type_name
  desired_state = jsonencode({
    ApiId                       = aws_apigatewayv2_api.chat.id
    IntegrationId               = aws_apigatewayv2_integration.mock.id
    IntegrationResponseKey      = var.response_key
    TemplateSelectionExpression = "\\$default"
    ResponseTemplates           = var.response_templates
    ResponseParameters          = var.response_parameters
  })
}

# a response whose maps and selection expression are given empty, and stay so
resource "aws_cloudcontrolapi_resource" "empty" {
  type_name = var.type_name
  desired_state = jsonencode({
    ApiId                       = aws_apigatewayv2_api.chat.id
    IntegrationId               = aws_apigatewayv2_integration.mock.id
    IntegrationResponseKey      = "/4\\d{2}/"
    ResponseTemplates           = {}
    ResponseParameters          = var.empty_response_parameters
    TemplateSelectionExpression = ""
  })
}

output "api_id" {
  value = aws_apigatewayv2_api.chat.id
}

output "default_identifier" {
  description = "ApiId|IntegrationId|IntegrationResponseId"
  value       = aws_cloudcontrolapi_resource.default.id
}

output "default_properties" {
  description = "The response as Cloud Control's GetResource reads it"
  value       = aws_cloudcontrolapi_resource.default.properties
}

output "empty_identifier" {
  value = aws_cloudcontrolapi_resource.empty.id
}

output "empty_properties" {
  value = aws_cloudcontrolapi_resource.empty.properties
}
