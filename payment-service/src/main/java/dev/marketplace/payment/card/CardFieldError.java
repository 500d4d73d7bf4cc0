package dev.marketplace.payment.card;

/**
 * One invalid field of submitted card details. The message is a fixed text: it never repeats the
 * value, so a card number can never travel onward in an error response or a log line.
 */
public record CardFieldError(String field, String message) {}
