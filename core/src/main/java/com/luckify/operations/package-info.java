/**
 * Staff operations on the machinery rather than on business data: putting event deliveries that ran out of
 * attempts back for their consumers, each put-back audited in the transaction that makes it.
 */
package com.luckify.operations;
