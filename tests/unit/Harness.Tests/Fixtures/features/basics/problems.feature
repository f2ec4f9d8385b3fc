Feature: Fixture: rows that cannot run

  @ALS-RUN-1
  Scenario: a scenario without a profile
    Given the worker program:
      """js
      export default {};
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-RUN-1 @documented
  Scenario: Same name
    Given the worker program:
      """js
      export default {};
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-RUN-1 @documented
  Scenario: same  NAME!
    Given the worker program:
      """js
      export default {};
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-RUN-1 @documented
  Scenario: an unknown step
    Given the worker program:
      """js
      export default {};
      """
    When the moon is full
    Then the trace matches the verified snapshot
