      * INDEPENDENT TEST EXPORT - EBCDIC, FIXED 129-BYTE RECORDS,
      * THREE RECORD TYPES THROUGH REDEFINES (A, B, T).
       01  EXPORT-REC.
           05  REC-TYPE                PIC X.
           05  REC-SEQ                 PIC 9(8).
           05  REC-BODY                PIC X(120).
           05  REC-A REDEFINES REC-BODY.
               10  A-NAME              PIC X(30).
               10  A-P1                PIC S9(17)V9 COMP-3.
               10  A-P2                PIC 9(4)V99 PACKED-DECIMAL.
               10  A-Z1                PIC S9(9)V99.
               10  A-Z2                PIC S9(18).
               10  A-B1                PIC S9(4) COMP.
               10  A-B2                PIC S9(7)V99 BINARY.
               10  A-B3                PIC S9(14)V9(4) COMP-4.
               10  A-B4                PIC 9(9) COMP.
               10  A-DATE              PIC 9(8).
               10  FILLER              PIC X(21).
           05  REC-B REDEFINES REC-BODY.
               10  B-ITEM OCCURS 4 TIMES.
                   15  B-CODE          PIC X(3).
                   15  B-AMT           PIC S9(7)V99 COMP-3.
                   15  B-QTY           PIC S9(5) SIGN LEADING SEPARATE.
                   15  B-RATE          PIC SV9(4) COMP.
               10  B-TOTAL             PIC S9(15)V99 COMP-3.
               10  B-NOTE              PIC X(47).
           05  REC-T REDEFINES REC-BODY.
               10  T-COUNT             PIC 9(9) COMP.
               10  T-HASH              PIC S9(17) COMP-3.
               10  FILLER              PIC X(107).
