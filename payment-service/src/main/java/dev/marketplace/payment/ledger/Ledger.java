package dev.marketplace.payment.ledger;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts balanced transactions in the caller's transaction, so a payment's state change and its
 * entries commit together or not at all.
 */
@Component
public class Ledger {

  private final LedgerTransactionRepository transactions;
  private final EntityManager entityManager;

  Ledger(LedgerTransactionRepository transactions, EntityManager entityManager) {
    this.transactions = transactions;
    this.entityManager = entityManager;
  }

  /**
   * @throws org.springframework.dao.DataIntegrityViolationException if the reference was posted
   *     before (the unique constraint is the last guard against posting a step twice)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void post(LedgerTransaction transaction) {
    // persist, not save: the id is assigned, and save would first look for an existing row.
    entityManager.persist(transaction);
  }

  @Transactional(readOnly = true)
  public List<LedgerTransaction> transactionsOf(UUID paymentId) {
    return transactions.findByPaymentIdOrderByPostedAtAscIdAsc(paymentId);
  }
}
