/** The OpenAPI 3 description of the HTTP contract, generated from the controllers: bearer JWT, problem+json errors. */
package org.sharedagreements.app.openapi;
