import MockIntake
