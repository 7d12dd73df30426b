"""The course engine: load and check content, grade quizzes, draw lessons."""
