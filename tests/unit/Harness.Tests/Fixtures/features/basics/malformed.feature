Feature: Fixture: a file that does not parse

  Scenario: fine
    Given something
  Examples without outline
  This line is not Gherkin
